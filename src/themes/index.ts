/** The themes module's public face, as other modules see it (routes still import its files directly). */
export { publicThemesPage, publicThemesStats, publicThemesOfIdeas, type PublicTheme, type PublicThemeFilter } from "./opendata";
export { discoverTextThemes, type TextTheme } from "./texts";
