export { placesRoutes } from './places.routes.ts';
export { createPlacesService, type PlacesService } from './places.service.ts';
export { syncAdminUnits } from './places.reference.ts';
export { findExistingCommunes, findUnit, isLinked } from './places.repository.ts';
export { createUnitNames, type UnitNameLookup } from './unit-names.ts';
