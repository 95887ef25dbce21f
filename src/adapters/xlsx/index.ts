/** The .xlsx host (Node only). */
export { XlsxWorkbook } from './xlsx-workbook';
