import { applyDecorators, HttpCode, SetMetadata, type Type } from '@nestjs/common';
import {
  ApiExtension,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  getSchemaPath,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';
import { ProblemDetailsSchema } from './problem-details.schema';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 503;

/** What an error status means when an operation says nothing more specific. */
const GENERIC_ERRORS: Readonly<Record<ErrorStatus, string>> = {
  400: 'Malformed input: `validation_failed` names every invalid field in `errors`',
  401: 'No bearer token, or an invalid or expired one',
  403: "The caller's role may not do this",
  404: 'Not found',
  409: 'The state does not allow it, or a concurrent change (`concurrency_conflict`)',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'A business rule refused; `rule` names it',
  503: 'A dependency is unavailable',
};

/** Every authenticated operation can be refused for these. */
const SIGNED_IN_ERRORS: readonly ErrorStatus[] = [400, 401, 403];

/** Commands may also meet the idempotency store's refusals and a concurrent writer. */
const COMMAND_ERRORS: Readonly<Partial<Record<ErrorStatus, string>>> = {
  409: 'The state does not allow it, a concurrent change (`concurrency_conflict`), or the same Idempotency-Key is still in progress (`idempotency_in_progress`)',
  422: 'A business rule refused (`rule` names it), or the Idempotency-Key was used for another request (`idempotency_key_reused`)',
};

/** A success body that is not JSON (e.g. the Prometheus text format). */
export interface RawBody {
  readonly mediaType: string;
  readonly schema: SchemaObject;
}

/** The body of the success answer: a DTO class, `[Dto]` for an array of them, or a raw body. */
export type SuccessBody = Type<unknown> | [Type<unknown>] | RawBody;

export interface OperationSpec {
  /** Stable, readable, unique in the service: the name generated clients call (e.g. `registerCustomer`). */
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly response: SuccessBody;
  /** What the success answer means (default: the summary). */
  readonly responseDescription?: string;
  /** The error statuses this operation answers beyond the defaults, or a more precise meaning (codes) of one. */
  readonly errors?: Readonly<Partial<Record<ErrorStatus, string>>>;
}

export interface CommandSpec extends OperationSpec {
  /** 201 when the command creates something addressable (default), 200 otherwise. Sets the status too. */
  readonly status?: 200 | 201;
}

export interface ReadSpec extends OperationSpec {
  /** No bearer token needed (health): no security requirement and no 401/403. */
  readonly public?: boolean;
}

const isRaw = (body: SuccessBody): body is RawBody => !Array.isArray(body) && 'mediaType' in body;

const successResponse = (
  status: number,
  body: SuccessBody,
  description: string,
  headers: ApiResponseOptions['headers'] = undefined,
): ApiResponseOptions => {
  const common = { status, description, ...(headers !== undefined ? { headers } : {}) };
  if (isRaw(body)) return { ...common, content: { [body.mediaType]: { schema: body.schema } } };
  return Array.isArray(body) ? { ...common, type: body[0], isArray: true } : { ...common, type: body };
};

/** A command's answer says when it is the stored first answer to a repeated Idempotency-Key. */
const REPLAY_HEADERS: ApiResponseOptions['headers'] = {
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  },
};

const problemResponse = (status: ErrorStatus, description: string): MethodDecorator =>
  ApiResponse({
    status,
    description,
    content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDetailsSchema) } } },
  });

const operation = (
  spec: OperationSpec,
  status: number,
  defaults: Readonly<Partial<Record<ErrorStatus, string>>>,
  options: { readonly isPublic?: boolean; readonly headers?: ApiResponseOptions['headers'] } = {},
): MethodDecorator[] => {
  const errors = { ...defaults, ...spec.errors };
  return [
    ApiOperation({
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description !== undefined ? { description: spec.description } : {}),
      // An empty requirement overrides the document's bearer requirement.
      ...(options.isPublic === true ? { security: [] } : {}),
    }),
    ApiExtraModels(ProblemDetailsSchema),
    ApiResponse(
      successResponse(status, spec.response, spec.responseDescription ?? spec.summary, options.headers),
    ),
    ...Object.entries(errors).map(([code, description]) =>
      problemResponse(Number(code) as ErrorStatus, description),
    ),
  ];
};

const generic = (statuses: readonly ErrorStatus[]): Partial<Record<ErrorStatus, string>> =>
  Object.fromEntries(statuses.map((status) => [status, GENERIC_ERRORS[status]]));

/**
 * A state-changing operation (POST): its success body, its errors as problem+json, the optional
 * Idempotency-Key header, and its status (set here, so the document and the answer cannot differ).
 */
export const ApiCommand = (spec: CommandSpec): MethodDecorator => {
  const status = spec.status ?? 201;
  return applyDecorators(
    HttpCode(status),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Makes a retry safe: a repeat returns the first answer with `Idempotent-Replayed: true`',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    }),
    ...operation(
      spec,
      status,
      { ...generic(SIGNED_IN_ERRORS), ...COMMAND_ERRORS },
      { headers: REPLAY_HEADERS },
    ),
  );
};

/** A read (GET): its success body and its errors as problem+json. */
export const ApiRead = (spec: ReadSpec): MethodDecorator => {
  const isPublic = spec.public === true;
  return applyDecorators(...operation(spec, 200, isPublic ? {} : generic(SIGNED_IN_ERRORS), { isPublic }));
};

/** Marks a handler as {@link ApiReadByBody}: a read that is POSTed, not a command. */
export const READ_BY_BODY = 'crm:read-by-body';

/** The OpenAPI extension saying the same, so the document's checks know it is not a command. */
export const READ_BY_BODY_EXTENSION = 'x-read-by-body';

/** Whether a handler was declared with {@link ApiReadByBody}. */
export const isReadByBody = (handler: object): boolean => Reflect.getMetadata(READ_BY_BODY, handler) === true;

/**
 * A read whose criteria are personal data (a mobile number, a name): POSTed as a JSON body (200),
 * because a query string ends up in access logs, proxies and browser history. Changes nothing, so
 * it takes no Idempotency-Key (its answer, which may hold personal data, is never stored) and is
 * not timed as a command.
 */
export const ApiReadByBody = (spec: OperationSpec): MethodDecorator =>
  applyDecorators(
    HttpCode(200),
    SetMetadata(READ_BY_BODY, true),
    ApiExtension(READ_BY_BODY_EXTENSION, true),
    ...operation(spec, 200, generic(SIGNED_IN_ERRORS)),
  );
