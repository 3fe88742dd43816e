/** The steering dashboards' public face. */
export { dashboardPage, type DashboardPage, type Figure, type Bar } from "./service";
export { dashboardRights, type DashboardFacts } from "./permissions";
export { dashboardQuerySchema, type DashboardQuery } from "./schemas";
