import { render } from '@testing-library/preact';
import { Chart, LIGHT_THEME } from '../../../../src/ui/chart';
import type { ChartSpec, ChartTheme } from '../../../../src/ui/chart';
import { fakeCharts } from './fakeCharts';

/** A one-bar chart whose colour is the theme's bar colour, so the theme read at mount shows. */
const build =
  (values: number[]) =>
  (theme: ChartTheme): ChartSpec => ({
    type: 'bar',
    data: { labels: values.map(String), datasets: [{ data: values, backgroundColor: theme.bar }] },
  });

describe('Chart', () => {
  it('draws an HTML legend of the datasets when there are several, none for one', () => {
    const { create } = fakeCharts();
    const two = (theme: ChartTheme): ChartSpec => ({
      type: 'bar',
      data: {
        labels: ['a'],
        datasets: [
          { label: 'Медиана', data: [1], backgroundColor: theme.accent },
          { label: '<b>p90</b>', data: [2], backgroundColor: theme.bar },
        ],
      },
    });
    const view = render(
      <Chart build={two} source={1} label="x" height={100} createChart={create} />,
    );
    const items = [...view.container.querySelectorAll('.fl-chart__legend li')];
    expect(items.map(li => li.textContent)).toEqual(['Медиана', '<b>p90</b>']);
    expect(view.container.querySelector('.fl-chart__legend b')).toBeNull();
    view.unmount();
    const one = render(
      <Chart build={build([1])} source={1} label="y" height={100} createChart={create} />,
    );
    expect(one.container.querySelector('.fl-chart__legend')).toBeNull();
    one.unmount();
  });

  it('reads its colours from the mount root’s CSS variables (so the dark theme applies)', () => {
    const { create, made } = fakeCharts();
    const root = document.createElement('div');
    root.className = 'funnel-lens';
    root.style.setProperty('--fl-bar', '#3d6f99');
    document.body.appendChild(root);
    const view = render(
      <Chart build={build([1])} source={1} label="one bar" height={100} createChart={create} />,
      {
        container: root,
      },
    );
    expect(made[0]?.config.data.datasets[0]?.backgroundColor).toBe('#3d6f99');
    view.unmount();
    root.remove();
  });

  it('falls back to the light theme where no variable is set', () => {
    const { create, made } = fakeCharts();
    const view = render(
      <Chart build={build([1])} source={1} label="one bar" height={100} createChart={create} />,
    );
    expect(made[0]?.config.data.datasets[0]?.backgroundColor).toBe(LIGHT_THEME.bar);
    view.unmount();
  });

  it('draws once, redraws only for new data, and destroys the chart with the component', () => {
    const { create, made } = fakeCharts();
    const view = render(
      <Chart build={build([1, 2])} source="a" label="two bars" height={120} createChart={create} />,
    );
    expect(made).toHaveLength(1);
    const canvas = view.container.querySelector('canvas')!;
    expect(canvas.getAttribute('role')).toBe('img');
    expect(canvas.getAttribute('aria-label')).toBe('two bars');
    expect(canvas.parentElement?.style.height).toBe('120px');

    view.rerender(
      <Chart build={build([1, 2])} source="a" label="two bars" height={120} createChart={create} />,
    );
    expect(made[0]?.updates).toBe(0);
    view.rerender(
      <Chart
        build={build([3, 4, 5])}
        source="b"
        label="three bars"
        height={120}
        createChart={create}
      />,
    );
    expect(made).toHaveLength(1);
    expect(made[0]?.updates).toBe(1);
    expect(made[0]?.config.data.datasets[0]?.data).toEqual([3, 4, 5]);

    view.unmount();
    expect(made[0]?.destroyed).toBe(true);
  });

  it('replaces the chart when the factory changes, destroying the old one first', () => {
    const first = fakeCharts();
    const second = fakeCharts();
    const view = render(
      <Chart build={build([1])} source={1} label="x" height={80} createChart={first.create} />,
    );
    view.rerender(
      <Chart build={build([1])} source={1} label="x" height={80} createChart={second.create} />,
    );
    expect(first.made[0]?.destroyed).toBe(true);
    expect(second.made).toHaveLength(1);
    view.unmount();
    expect(second.made[0]?.destroyed).toBe(true);
  });
});
