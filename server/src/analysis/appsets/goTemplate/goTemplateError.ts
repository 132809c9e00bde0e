// The one error type the Go template engine raises internally; `renderGoTemplate` turns it into a result.

/** A template that cannot be parsed or executed, with Go's wording where it matters. */
export class GoTemplateError extends Error {
  /** Set when the template calls a Sprig function this engine does not implement (not the user's fault). */
  readonly unsupportedFunction: string | undefined;

  constructor(message: string, unsupportedFunction?: string) {
    super(message);
    this.name = 'GoTemplateError';
    this.unsupportedFunction = unsupportedFunction;
  }
}
