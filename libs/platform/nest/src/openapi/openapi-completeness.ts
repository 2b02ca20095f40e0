import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';
import { READ_BY_BODY_EXTENSION } from './api-operation';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const OPERATION_ID = /^[a-z][A-Za-z0-9]*$/;
const PROBLEM_REF = '#/components/schemas/ProblemDetails';

type Schema = SchemaObject | ReferenceObject;

const isRef = (value: object): value is ReferenceObject => '$ref' in value;

/** A schema that says what the body is: a reference, a typed array of something, or a described object. */
const describes = (schema: Schema | undefined): boolean => {
  if (schema === undefined) return false;
  if (isRef(schema)) return true;
  if (schema.type === 'array') return schema.items !== undefined && describes(schema.items);
  if (schema.type === 'object' || schema.type === undefined) {
    return (
      Object.keys(schema.properties ?? {}).length > 0 ||
      (schema.additionalProperties !== undefined && schema.additionalProperties !== false) ||
      (schema.oneOf ?? schema.anyOf ?? schema.allOf ?? []).length > 0
    );
  }
  return true;
};

const successProblems = (responses: Record<string, ResponseObject | ReferenceObject>): string[] => {
  const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
  if (success.length !== 1) return [`has ${success.length} 2xx responses, expected 1`];
  const [status, response] = success[0] as [string, ResponseObject];
  const media = Object.entries(response.content ?? {});
  if (media.length !== 1) return [`${status} has ${media.length} media types, expected 1`];
  const [type, { schema }] = media[0] as [string, { schema?: Schema }];
  return describes(schema) ? [] : [`${status} ${type} has no schema describing the body`];
};

const errorProblems = (responses: Record<string, ResponseObject | ReferenceObject>): string[] =>
  Object.entries(responses)
    .filter(([status]) => /^4\d\d$/.test(status))
    .flatMap(([status, response]) => {
      const media = Object.entries((response as ResponseObject).content ?? {});
      const [type, content] = media[0] ?? ['none', {}];
      const ref = (content as { schema?: ReferenceObject }).schema?.$ref;
      return media.length === 1 && type === PROBLEM_CONTENT_TYPE && ref === PROBLEM_REF
        ? []
        : [`${status} is not exactly ${PROBLEM_CONTENT_TYPE} with the ProblemDetails schema`];
    });

const parameterProblems = (path: string, operation: OperationObject, method: string): string[] => {
  const parameters = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  const declared = new Set(parameters.filter((p) => p.in === 'path').map((p) => p.name));
  const inPath = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string));
  return [
    ...[...inPath]
      .filter((name) => !declared.has(name))
      .map((name) => `path parameter {${name}} is undeclared`),
    ...[...declared].filter((name) => !inPath.has(name)).map((name) => `declares ${name}, not in the path`),
    ...(method === 'post' &&
    (operation as unknown as Record<string, unknown>)[READ_BY_BODY_EXTENSION] !== true &&
    !parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')
      ? ['command without the Idempotency-Key header']
      : []),
  ];
};

const operationProblems = (path: string, method: string, operation: OperationObject): string[] => {
  const responses = operation.responses as Record<string, ResponseObject | ReferenceObject>;
  const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
  const body = operation.requestBody;
  return [
    ...(operation.summary?.trim() ? [] : ['has no summary']),
    ...(operation.tags?.length ? [] : ['has no tag']),
    ...(OPERATION_ID.test(operation.operationId ?? '')
      ? []
      : [`operationId '${operation.operationId}' is not camelCase`]),
    ...successProblems(responses),
    ...errorProblems(responses),
    ...(isPublic || '401' in responses ? [] : ['authenticated, but 401 is not declared']),
    ...parameterProblems(path, operation, method),
    ...(body !== undefined && !isRef(body) && !describes(body.content['application/json']?.schema)
      ? ['request body has no schema']
      : []),
  ];
};

/**
 * What keeps a document from giving typed clients everything: one line per defect, none when every
 * operation has a summary, a tag, a unique camelCase operationId, one described 2xx body,
 * problem+json errors, its path parameters and (commands) the Idempotency-Key header.
 */
export const openApiProblems = (document: OpenAPIObject): string[] => {
  const seen = new Map<string, string>();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (operation === undefined) return [];
      const where = `${method.toUpperCase()} ${path}`;
      const id = operation.operationId ?? '';
      const clash = seen.get(id);
      seen.set(id, where);
      return [
        ...operationProblems(path, method, operation),
        ...(clash !== undefined ? [`operationId '${id}' is also used by ${clash}`] : []),
      ].map((problem) => `${where}: ${problem}`);
    }),
  );
};
