/** True when a decoded input looks like markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  return /<(html|head|body|div|p|article|meta|title)[\s>]/i.test(head);
}
