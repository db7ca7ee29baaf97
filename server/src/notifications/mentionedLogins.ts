/** Logins written as `@login` in a text (letters, digits, dot, dash, underscore), each once, in order. */
export function mentionedLogins(text: string): string[] {
  const found = [...text.matchAll(/(?:^|[^\w.@-])@([A-Za-z0-9][\w.-]{0,63})/g)].map((m) => m[1].replace(/[.-]+$/, ''));
  return [...new Set(found)];
}
