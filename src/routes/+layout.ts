// Every page is server-rendered and complete without JavaScript: filters are GET forms,
// charts are SVG with native tooltips, tables and <details> need no script. Hydrating them
// would only ship JavaScript and a second copy of the data, so the browser gets none.
export const csr = false;
