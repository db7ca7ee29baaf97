/** The dashboard's chart colours: the app's accent, a calm second series, and red for what is late. */
export const chartColors = {
  primary: '#1f5fa8',
  secondary: '#7aa7d9',
  late: '#b42318',
  lateSoft: '#e8998f',
  done: '#1b7a43',
  grid: '#dde2ea',
  text: '#5b6575',
} as const;
