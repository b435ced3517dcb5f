import type { ReactNode } from 'react';

export function PageHeader({ title, subtitle, children }: { title: string; subtitle?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {subtitle !== undefined && <p className="page-subtitle">{subtitle}</p>}
      {children}
    </header>
  );
}
