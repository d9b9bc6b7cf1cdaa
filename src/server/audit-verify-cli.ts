/** `npm run audit:verify -- --store <folder | postgres://…>`: checks the audit chain; non-zero exit when broken. */
import { runAuditVerify } from './audit-verify';

runAuditVerify(
  process.argv.slice(2),
  (line) => console.log(line),
  (line) => console.error(line),
)
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(`audit:verify: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  });
