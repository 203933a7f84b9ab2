import { applyDecorators, Header } from '@nestjs/common';
import { DocumentedNotModified } from '../openapi/api-docs.decorators';

/** What marks a response as cacheable for the conditional-GET hook (private: responses differ per caller). */
export const CACHEABLE_PREFIX = 'private, max-age=';

/** A GET whose response clients may keep for `maxAgeSeconds` and revalidate with If-None-Match. */
export const Cacheable = (maxAgeSeconds: number) => applyDecorators(Header('Cache-Control', `${CACHEABLE_PREFIX}${maxAgeSeconds}`), DocumentedNotModified());
