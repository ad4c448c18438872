import { jiraFixture } from './fixtures';

/** A saved Jira page as a Document (needs the happy-dom environment). */
export function jiraPage(name: string): Document {
  return new DOMParser().parseFromString(jiraFixture(name), 'text/html');
}
