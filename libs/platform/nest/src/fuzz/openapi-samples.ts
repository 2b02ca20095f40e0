/** The part of an OpenAPI 3 schema the fuzzer reads. */
export interface OpenApiSchema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly minLength?: number;
  readonly items?: OpenApiSchema;
  readonly properties?: Readonly<Record<string, OpenApiSchema>>;
  readonly allOf?: readonly OpenApiSchema[];
  readonly oneOf?: readonly OpenApiSchema[];
  readonly anyOf?: readonly OpenApiSchema[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, OpenApiSchema>> };
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: string;
  readonly schema?: OpenApiSchema;
}

export interface OpenApiOperation {
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: {
    readonly content?: Readonly<Record<string, { readonly schema?: OpenApiSchema }>>;
  };
}

const FORMATS: Readonly<Record<string, string>> = {
  uuid: '00000000-0000-4000-8000-000000000001',
  'date-time': '2026-01-05T02:00:00.000Z',
  date: '2026-01-05',
  email: 'fuzz@example.com',
};

/** A plausible value for `schema`: the base each mutation starts from, so it reaches deep checks. */
export const sampleFor = (doc: OpenApiDocument, schema: OpenApiSchema | undefined, depth = 0): unknown => {
  if (schema === undefined || depth > 8) return 'x';
  if (schema.$ref !== undefined) {
    const name = schema.$ref.split('/').pop() ?? '';
    return sampleFor(doc, doc.components?.schemas?.[name], depth + 1);
  }
  const alternative = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative !== undefined) return sampleFor(doc, alternative, depth + 1);
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'array':
      return [sampleFor(doc, schema.items, depth + 1)];
    case 'string':
      return FORMATS[schema.format ?? ''] ?? 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    default: {
      if (schema.properties === undefined) return schema.type === 'object' ? {} : 'x';
      const entries = Object.entries(schema.properties).map(([k, v]) => [k, sampleFor(doc, v, depth + 1)]);
      return Object.fromEntries(entries);
    }
  }
};

/** The request body schema of an operation, if it takes JSON. */
export const bodySchemaOf = (operation: OpenApiOperation): OpenApiSchema | undefined =>
  operation.requestBody?.content?.['application/json']?.schema;
