/** The steering dashboards' public face. */
export { dashboardPage, dashboardTable, figureIds, networkPage, networkTable, networkFigureIds, type NetworkPage, type DashboardPage, type Figure, type FigureId, type Bar } from "./service";
export { dashboardRights, networkRights, type DashboardFacts } from "./permissions";
export { dashboardQuerySchema, networkQuerySchema, type DashboardQuery, type NetworkQuery } from "./schemas";
