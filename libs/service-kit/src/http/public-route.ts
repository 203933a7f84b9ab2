import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'sigil:public-route';

/** Marks a controller or route as reachable without credentials (health, metrics, API description). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);
