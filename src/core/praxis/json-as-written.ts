/**
 * Praxis signs values as it wrote them: `1.000000` (a JSON number in the documented example, api-reference §8a)
 * is "1.000000" in the signature, while JSON.parse would re-print it as "1". This reads a JSON text with every
 * number kept as its source text (a string), so a signature can be checked over exactly what was sent.
 */
const NUMBER_TOKEN = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** JSON.parse, but each number becomes the string of its digits as written. Throws SyntaxError like JSON.parse. */
export function parseJsonAsWritten(text: string): unknown {
  let out = '';
  let from = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string whole: digits inside it are not numbers.
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      NUMBER_TOKEN.lastIndex = i;
      const match = NUMBER_TOKEN.exec(text);
      if (!match) return JSON.parse(text); // not a JSON number: let JSON.parse say where
      out += `${text.slice(from, i)}"${match[0]}"`;
      i += match[0].length;
      from = i;
    } else {
      i++;
    }
  }
  return JSON.parse(out + text.slice(from));
}
