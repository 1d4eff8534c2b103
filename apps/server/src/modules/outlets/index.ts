// Outlets: showrooms, points of sale, supermarket counters, craft-village shops and online shops
// that stock certified OCOP products. For other modules (the catalogue's pages, plans):
//
//   createOutletsService({ db, now? }) → {
//     listPublicOutlets(filters: PublicOutletListQuery): Promise<{ items: PublicOutlet[]; total }>
//         open outlets; filters { page, pageSize, commune?, type?, product?, near?: { lat, lng } },
//         nearest first when `near` is given (distanceKm filled), by name otherwise
//     outletsStockingProduct(productId: string, near?: NearPoint, page = { page: 1, pageSize: 20 })
//         → the same page shape, open outlets stocking the product
//     countOutletsOpened({ from, to }: ISO dates inclusive, { communeCodes?, types? } = {}): Promise<number>
//         e.g. showrooms opened this year: ({ from: '2026-01-01', to: '2026-12-31' }, { types: ['ocop_showroom'] })
//   }
export { outletsRoutes } from './outlets.routes.ts';
export { createOutletsService, type OutletsService } from './outlets.service.ts';
export { seedDemoOutlets } from './outlets.seed.ts';
