/** Why an imported directory was refused: every problem, each naming its row/column or JSON path. */
export interface ImportProblem {
  /** 1-based line of the CSV as a spreadsheet shows it (the header is row 1); absent for JSON. */
  row?: number;
  /** CSV column name, or JSON path. */
  column?: string;
  message: string;
}

export function describeProblem(problem: ImportProblem): string {
  const where = [problem.row !== undefined ? `row ${problem.row}` : '', problem.column ? `column "${problem.column}"` : '']
    .filter(Boolean)
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

export class DirectoryImportError extends Error {
  override name = 'DirectoryImportError';
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}
