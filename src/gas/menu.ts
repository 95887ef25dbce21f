/** The menu is declared in the core (the guide sheet explains it too); the entry builds it from there. */
export { MENU, MENU_TITLE, menuHandlers, menuItems, type MenuEntry, type MenuItem } from '../core/menu';
