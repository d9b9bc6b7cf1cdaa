import { SANDBOX_OPERATOR } from '../../shared/access';
import { DeskError } from '../../shared/errors';
import { DESK_ACTOR } from '../access/actor';

/** What the desk writes in the audit log for its own work: an operator named so would pass for the desk. */
const RESERVED = [SANDBOX_OPERATOR, DESK_ACTOR.name];
/** Control and format characters (a zero-width space, say): invisible in the audit log and every list. */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;
/** Scripts whose letters look alike ("Mаx" with a Cyrillic а reads as "Max"). */
const LOOK_ALIKE_SCRIPTS = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/** How a name reads: compatibility forms folded ("Ｍａｘ" is "Max"), case and outer spaces ignored. */
export const nameAsRead = (name: string): string => name.normalize('NFKC').trim().toLowerCase();

/**
 * Refuses a new operator's name that could pass for someone else in the audit log: the desk's own names, invisible
 * characters, letters of look-alike scripts mixed, or a name that reads as one already registered.
 */
export function assertNewOperatorName(name: string, registered: readonly string[]): void {
  if (INVISIBLE.test(name))
    throw new DeskError(
      'VALIDATION',
      'The name holds an invisible or control character, so it would look like another name. Type it with letters, digits and spaces only.',
    );
  if (LOOK_ALIKE_SCRIPTS.filter((script) => script.test(name)).length > 1)
    throw new DeskError(
      'VALIDATION',
      `"${name}" mixes Latin, Cyrillic or Greek letters, so it could pass for another name. Type it in one alphabet.`,
    );
  if (RESERVED.some((reserved) => nameAsRead(reserved) === nameAsRead(name)))
    throw new DeskError(
      'VALIDATION',
      `"${name}" is the name the desk gives its own work in the audit log. Choose another name.`,
    );
  const twin = registered.find((other) => nameAsRead(other) === nameAsRead(name));
  if (twin)
    throw new DeskError(
      'CONFLICT',
      `An operator named "${twin}" is already registered, and "${name}" reads the same. Change their role or PIN instead, or choose another name.`,
    );
}
