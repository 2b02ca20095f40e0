import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'crm:isPublic';

/** Opts a route or controller out of authentication (health, metrics, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
