/** One of opencc-js's dictionaries, shipped as a module whose default export is the table text. */
declare module "opencc-js/dict/TSCharacters" {
  const table: string;
  export default table;
}
