import { TaskPaletteProvider } from './TaskPaletteProvider';

/** The `palette` feature: user and service tasks straight from the palette. */
export default {
  __init__: ['taskPaletteProvider'],
  taskPaletteProvider: ['type', TaskPaletteProvider],
};
