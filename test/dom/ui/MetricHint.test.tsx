import { render, screen } from '@testing-library/preact';
import { MetricHint } from '../../../src/ui/common/MetricHint';

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
});
