/**
 * The few DOM members ingest uses. The project compiles without the DOM lib (nothing outside
 * ingest touches a DOM), so linkedom's documents are read through these shapes.
 */
export interface DomElement {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly tagName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomElement>;
  readonly parentNode: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly head: DomElement | null;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export function toArray<T>(list: ArrayLike<T>): T[] {
  return Array.from(list);
}
