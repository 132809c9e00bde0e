// Type declarations for the part of js-yaml 4 the fast parse path uses (the package ships no types of its own).
declare module 'js-yaml' {
  /** How a js-yaml type recognises and builds a scalar. */
  export interface ScalarTypeOptions {
    readonly kind: 'scalar';
    /** True when the scalar's text belongs to this type; `explicitTag` is passed for a tagged node (`!!int 5`). */
    resolve(data: string | null, explicitTag?: string): boolean;
    /** The value of a scalar `resolve` accepted. */
    construct(data: string): unknown;
  }
  /** A tag with the rules to recognise and build its values. */
  export class Type {
    constructor(tag: string, options: ScalarTypeOptions);
  }
  /** A set of types: `implicit` ones resolve untagged plain scalars, every type also serves its explicit tag. */
  export class Schema {
    constructor(definition: { readonly implicit?: readonly Type[]; readonly explicit?: readonly Type[] });
  }
  /** Options of {@link loadAll}. */
  export interface LoadOptions {
    readonly schema: Schema;
  }
  /** Every document of a stream as plain data; throws a YAMLException on the first error. */
  export function loadAll(text: string, iterator: undefined, options: LoadOptions): unknown[];
}
