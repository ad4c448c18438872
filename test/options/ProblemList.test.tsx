// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { fieldId } from '../../components/options/policy/field-issues';
import { ProblemList } from '../../components/options/policy/ProblemList';
import { useEnglishMessages } from '../i18n/english-messages';

/** A field the way the editors render one: an element with `fieldId(path)`, holding an input or being one. */
function Fields() {
  return (
    <>
      <input id={fieldId(['offices', 'hq', 'name'])} aria-label="office name" />
      <div id={fieldId(['offices', 'hq', 'hours', 'mon'])}>
        <input type="time" aria-label="opens" />
        <input type="time" aria-label="closes" />
      </div>
    </>
  );
}

describe('a problem link focuses its field', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    cleanup();
  });

  test.each([
    ['a problem at a field focuses that field', 'offices.hq.name', 'office name'],
    ['a problem inside a field (one time of an hours pair) focuses the first input of the closest field', 'offices.hq.hours.mon[1]', 'opens'],
  ])('%s', (_rule, path, focusedLabel) => {
    render(
      <>
        <Fields />
        <ProblemList title="Problems" issues={[{ path, message: 'is wrong' }]} linkToFields />
      </>,
    );
    fireEvent.click(screen.getByRole('link', { name: path }));
    vi.runAllTimers();
    expect(document.activeElement).toBe(screen.getByLabelText(focusedLabel));
  });

  test('a problem whose path has no field on the page changes nothing (and does not hang)', () => {
    render(
      <>
        <Fields />
        <ProblemList title="Problems" issues={[{ path: 'roles.nobody', message: 'is wrong' }]} linkToFields />
      </>,
    );
    const before = document.activeElement;
    fireEvent.click(screen.getByRole('link', { name: 'roles.nobody' }));
    vi.runAllTimers();
    expect(document.activeElement).toBe(before);
  });
});
