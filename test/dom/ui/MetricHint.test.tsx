import { act, fireEvent, render, screen } from '@testing-library/preact';
import { MetricHint } from '../../../src/ui/common/MetricHint';

const dismissed = (value: HTMLElement) => value.classList.contains('fl-hint--dismissed');

describe('MetricHint', () => {
  it('ties the explanation to the value for hover, focus and screen readers', () => {
    render(<MetricHint text="Доля выигранных среди дошедших">34%</MetricHint>);
    const value = screen.getByText('34%');
    expect(value.tabIndex).toBe(0);
    const tip = screen.getByRole('tooltip');
    expect(tip.textContent).toBe('Доля выигранных среди дошедших');
    expect(value.getAttribute('aria-describedby')).toBe(tip.id);
  });

  it('renders markup in explanations as text', () => {
    render(<MetricHint text="<b>bold</b>">1</MetricHint>);
    expect(screen.getByRole('tooltip').innerHTML).toBe('&lt;b&gt;bold&lt;/b&gt;');
  });

  it('is not a Tab stop where a container moves focus to it with arrows', () => {
    render(
      <MetricHint text="Медиана" tabIndex={-1}>
        5 дн.
      </MetricHint>,
    );
    expect(screen.getByText('5 дн.').tabIndex).toBe(-1);
  });

  // WCAG 1.4.13: dismissible without moving focus or the pointer.
  it('hides on Escape with focus left where it was, and the Escape goes no further', async () => {
    const outer = jest.fn();
    render(
      <div onKeyDown={outer}>
        <MetricHint text="Медиана">5 дн.</MetricHint>
        <button type="button">next</button>
      </div>,
    );
    const value = screen.getByText('5 дн.');
    await act(() => value.focus());
    expect(dismissed(value)).toBe(false);
    fireEvent.keyDown(value, { key: 'Escape' });
    expect(dismissed(value)).toBe(true);
    expect(document.activeElement).toBe(value);
    // The drill-down around a deal's days closes on Escape: this one was the bubble's.
    expect(outer).not.toHaveBeenCalled();
    // Once hidden, the next Escape is the page's again.
    fireEvent.keyDown(value, { key: 'Escape' });
    expect(outer).toHaveBeenCalledTimes(1);
    // Leaving and coming back shows it again.
    await act(() => screen.getByText('next').focus());
    await act(() => value.focus());
    expect(dismissed(value)).toBe(false);
  });

  it('hides on Escape while only hovered, wherever focus is, until the pointer leaves', async () => {
    render(
      <>
        <button type="button">elsewhere</button>
        <MetricHint text="Медиана">5 дн.</MetricHint>
      </>,
    );
    const button = screen.getByText('elsewhere');
    await act(() => button.focus());
    const value = screen.getByText('5 дн.');
    fireEvent.mouseEnter(value);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(dismissed(value)).toBe(true);
    expect(document.activeElement).toBe(button);
    fireEvent.mouseLeave(value);
    expect(dismissed(value)).toBe(false);
  });

  it('keeps the document free of its Escape handler while closed', () => {
    const outer = jest.fn();
    document.addEventListener('keydown', outer);
    render(<MetricHint text="Медиана">5 дн.</MetricHint>);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(outer).toHaveBeenCalledTimes(1);
    expect(dismissed(screen.getByText('5 дн.'))).toBe(false);
    document.removeEventListener('keydown', outer);
  });
});
