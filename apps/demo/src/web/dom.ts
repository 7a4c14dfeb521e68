/** The element with this id (the page's own markup guarantees it). */
export const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** A new element with text content, and a class when given. */
export function text(tag: string, content: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  node.textContent = content;
  if (className) node.className = className;
  return node;
}

/** Fills a list; an empty one shows `empty`, dimmed. */
export function fillList(id: string, items: readonly string[], empty: string): void {
  byId<HTMLUListElement>(id).replaceChildren(...(items.length === 0 ? [text("li", empty, "none")] : items.map((item) => text("li", item))));
}
