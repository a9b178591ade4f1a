/** The body of a POST that takes no fields: declared so that the validation pipe refuses any field. */
export class EmptyBodyDto {}
