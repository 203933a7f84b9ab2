import { applyDecorators, SetMetadata } from '@nestjs/common';
import { DocumentedNotModified } from '../openapi/api-docs.decorators';

export const CACHE_MAX_AGE = 'sigil:cache-max-age';

/** A GET whose response clients may keep for `maxAgeSeconds` and revalidate with If-None-Match. */
export const Cacheable = (maxAgeSeconds: number) => applyDecorators(SetMetadata(CACHE_MAX_AGE, maxAgeSeconds), DocumentedNotModified());
