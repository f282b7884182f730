// The overview's charts: sales trend (recharts area), payment mix (pie), top items (bars) and the weekday × hour heat-map.
import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { date, rupees } from '../format';

const COLOURS = ['#0f766e', '#f59e0b', '#6366f1', '#e11d48', '#0ea5e9', '#84cc16'];
const inRupees = (paise: number) => `₹${Math.round(paise / 100).toLocaleString('en-IN')}`;

export function SalesTrend({ days }: { days: { date: string; salesPaise: number; netPaise: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <AreaChart data={days} margin={{ top: 8, right: 8, left: 8, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
        <XAxis dataKey="date" tickFormatter={date} fontSize={12} />
        <YAxis tickFormatter={inRupees} fontSize={12} width={72} />
        <Tooltip formatter={(value) => rupees(Number(value))} labelFormatter={(label) => date(String(label))} />
        <Area
          type="monotone"
          dataKey="netPaise"
          name="Net sales"
          stroke="#0f766e"
          fill="#99f6e4"
          isAnimationActive={false}
        />
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function PaymentMix({ modes }: { modes: { mode: string; inPaise: number }[] }) {
  const data = modes.filter((mode) => mode.inPaise > 0);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <PieChart>
        <Pie
          data={data}
          dataKey="inPaise"
          nameKey="mode"
          innerRadius={50}
          outerRadius={85}
          isAnimationActive={false}
          label={({ name }) => String(name).toUpperCase()}
        >
          {data.map((entry, index) => (
            <Cell key={entry.mode} fill={COLOURS[index % COLOURS.length]} />
          ))}
        </Pie>
        <Tooltip formatter={(value) => rupees(Number(value))} />
        <Legend />
      </PieChart>
    </ResponsiveContainer>
  );
}

export function TopItems({ items }: { items: { name: string; netSalesPaise: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={items.slice(0, 8)} layout="vertical" margin={{ left: 8, right: 16 }}>
        <XAxis type="number" tickFormatter={inRupees} fontSize={12} />
        <YAxis type="category" dataKey="name" width={130} fontSize={12} />
        <Tooltip formatter={(value) => rupees(Number(value))} />
        <Bar dataKey="netSalesPaise" name="Net sales" fill="#6366f1" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Plain SVG-free grid: a cell per weekday and opening hour, darker where more was sold. */
export function HourHeatmap({ cells }: { cells: { weekday: number; hour: number; salesPaise: number }[] }) {
  const hours = cells.length
    ? Array.from(
        { length: Math.max(...cells.map((c) => c.hour)) - Math.min(...cells.map((c) => c.hour)) + 1 },
        (_, i) => Math.min(...cells.map((c) => c.hour)) + i,
      )
    : [];
  const max = Math.max(1, ...cells.map((cell) => cell.salesPaise));
  const at = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell.salesPaise]));
  if (hours.length === 0) return <p className="empty">No sales in this range.</p>;
  return (
    <div
      className="heatmap"
      style={{ gridTemplateColumns: `3rem repeat(${hours.length}, minmax(1.4rem, 1fr))` }}
      role="table"
      aria-label="Sales by weekday and hour"
    >
      <span />
      {hours.map((hour) => (
        <span key={hour} className="heat-label">
          {hour}
        </span>
      ))}
      {WEEKDAYS.map((name, index) => [
        <span key={name} className="heat-label">
          {name}
        </span>,
        ...hours.map((hour) => {
          const paise = at.get(`${index + 1}:${hour}`) ?? 0;
          return (
            <span
              key={`${name}${hour}`}
              className="heat-cell"
              title={`${name} ${hour}:00 — ${rupees(paise)}`}
              style={{ background: paise ? `rgba(15, 118, 110, ${0.15 + 0.85 * (paise / max)})` : '#f3f4f6' }}
            />
          );
        }),
      ])}
    </div>
  );
}
