import 'reflect-metadata';
import { Body, Controller, Get, Module, Param, Post } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiCommand, ApiRead, ApiReadByBody, isReadByBody } from './api-operation';
import { buildOpenApiDocument } from './openapi-document';
import { openApiProblems } from './openapi-completeness';

class ThingDto {
  @ApiProperty() thingId!: string;
  @ApiProperty() name!: string;
}

class RenameThingDto {
  @ApiProperty() name!: string;
}

@ApiTags('things')
@Controller('things')
class DocumentedController {
  @Post(':thingId/renames')
  @ApiCommand({
    operationId: 'renameThing',
    summary: 'Rename a thing',
    status: 200,
    response: ThingDto,
    errors: { 404: '`thing.not_found`' },
  })
  rename(@Param('thingId') thingId: string, @Body() body: RenameThingDto): ThingDto {
    return { thingId, name: body.name };
  }

  @Get(':thingId')
  @ApiRead({ operationId: 'getThing', summary: 'One thing', response: ThingDto })
  get(@Param('thingId') thingId: string): ThingDto {
    return { thingId, name: '' };
  }

  @Post('searches')
  @ApiReadByBody({ operationId: 'searchThings', summary: 'Find things by name', response: [ThingDto] })
  search(@Body() body: RenameThingDto): ThingDto[] {
    return [{ thingId: 't', name: body.name }];
  }

  @Get()
  @ApiRead({ operationId: 'checkThings', summary: 'Public probe', response: [ThingDto], public: true })
  list(): ThingDto[] {
    return [];
  }
}

@Controller('loose')
class UndocumentedController {
  @Get(':looseId/parts/:partId')
  part(@Param('looseId') looseId: string): Record<string, unknown> {
    return { looseId };
  }

  @Post()
  @ApiOkResponse({ description: 'Created' })
  create(): Record<string, unknown> {
    return {};
  }
}

@Module({ controllers: [DocumentedController] })
class DocumentedModule {}

@Module({ controllers: [UndocumentedController] })
class UndocumentedModule {}

describe('openApiProblems', () => {
  it('finds nothing to add to operations described with ApiCommand and ApiRead', async () => {
    expect(openApiProblems(await buildOpenApiDocument(DocumentedModule, 'things'))).toEqual([]);
  });

  it('names every gap of an operation described by hand', async () => {
    const problems = openApiProblems(await buildOpenApiDocument(UndocumentedModule, 'loose'));

    expect(problems).toEqual(
      expect.arrayContaining([
        'GET /loose/{looseId}/parts/{partId}: has no summary',
        'GET /loose/{looseId}/parts/{partId}: has no tag',
        "GET /loose/{looseId}/parts/{partId}: operationId 'UndocumentedController_part' is not camelCase",
        'GET /loose/{looseId}/parts/{partId}: path parameter {partId} is undeclared',
        'GET /loose/{looseId}/parts/{partId}: authenticated, but 401 is not declared',
        'POST /loose: 200 has 0 media types, expected 1',
        'POST /loose: command without the Idempotency-Key header',
      ]),
    );
  });
});

describe('ApiCommand and ApiRead', () => {
  it('describe the body, the problem+json errors, the header and the security of each operation', async () => {
    const document = await buildOpenApiDocument(DocumentedModule, 'things');
    const rename = document.paths['/things/{thingId}/renames']?.post;
    const probe = document.paths['/things']?.get;

    expect(Object.keys(rename?.responses ?? {})).toEqual(['200', '400', '401', '403', '404', '409', '422']);
    expect(rename?.responses['404']).toEqual({
      description: '`thing.not_found`',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
    });
    expect(rename?.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: false }),
      ]),
    );
    expect(rename?.responses['200']).toMatchObject({ headers: { 'Idempotent-Replayed': expect.anything() } });
    expect(probe?.security).toEqual([]);
    expect(Object.keys(probe?.responses ?? {})).toEqual(['200']);
    expect(document.components?.schemas?.['ProblemDetails']).toBeDefined();
  });

  it('set the status the document announces as the answer status', () => {
    const status = (method: (...args: never[]) => unknown): unknown =>
      Reflect.getMetadata(HTTP_CODE_METADATA, method);
    expect(status(DocumentedController.prototype.rename)).toBe(200);
    expect(status(DocumentedController.prototype.search)).toBe(200);
  });

  it('ApiReadByBody declares a POSTed read: no Idempotency-Key, marked for the interceptors', async () => {
    const document = await buildOpenApiDocument(DocumentedModule, 'things');
    const search = document.paths['/things/searches']?.post;
    expect(search?.parameters ?? []).not.toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key' })]),
    );
    expect((search as unknown as Record<string, unknown>)['x-read-by-body']).toBe(true);
    expect(Object.keys(search?.responses ?? {})).toEqual(['200', '400', '401', '403']);
    expect(isReadByBody(DocumentedController.prototype.search)).toBe(true);
    expect(isReadByBody(DocumentedController.prototype.rename)).toBe(false);
  });
});
