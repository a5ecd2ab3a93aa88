// For tests: is this markup well-formed XML of the kind our svg module writes?
// Tags balanced, attributes double-quoted, entities known, and nothing that
// runs or fetches (no script, no event handlers, no href, no url()).

export function wellFormedProblems(markup: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < markup.length) {
    const lt = markup.indexOf('<', i);
    const textPart = markup.slice(i, lt < 0 ? markup.length : lt);
    for (const m of textPart.matchAll(/&[^;\s]*;?/g)) {
      if (!/^&(amp|lt|gt|quot|#39);$/.test(m[0])) problems.push(`bad entity ${m[0]}`);
    }
    if (textPart.includes('>')) problems.push(`stray > near ${textPart.slice(0, 30)}`);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(markup);
    if (!m) {
      problems.push(`malformed tag at ${lt}: ${markup.slice(lt, lt + 40)}`);
      break;
    }
    const [, close, name, attrs, selfClose] = m;
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClose) {
      stack.push(name);
    }
    if (/\son\w+=/i.test(attrs) || /\s(xlink:)?href=/.test(attrs) || /url\(/.test(attrs)) problems.push(`active attribute in <${name}>`);
    if (name.toLowerCase() === 'script' || name.toLowerCase() === 'foreignobject') problems.push(`<${name}> is not allowed`);
    i = tag.lastIndex;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(', ')}`);
  return problems;
}
