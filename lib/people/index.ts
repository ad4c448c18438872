/** The people directory: who to tell for each role, per office, per customer, per week. */
export {
  directorySchema,
  personSchema,
  rotationSchema,
  salesRepSchema,
  emptyDirectory,
  ANY_OFFICE,
  type Directory,
  type Person,
  type DirectorRotation,
  type SalesRepAssignment,
} from './directory-schema';
export { onDutyDirector, onDutyFromRotation, type OnDutyDirector } from './on-duty-director';
export { peopleFor, SALES_REP_ROLE, ESCALATION_DIRECTOR_ROLE } from './people-for';
export { directoryFromCsv, directoryToCsv, DIRECTORY_CSV_COLUMNS } from './directory-csv';
export { directoryFromJson, directoryToJson } from './directory-json';
export { DirectoryImportError, describeProblem, type ImportProblem } from './import-error';
export { parseCsv, formatCsv, CsvSyntaxError } from './csv';
