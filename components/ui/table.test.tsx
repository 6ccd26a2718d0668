import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Table, TableBody, TableHead, Td, Th } from './table';

function rows() {
  return (
    <>
      <TableHead>
        <tr>
          <Th>Name</Th>
        </tr>
      </TableHead>
      <TableBody>
        <tr>
          <Td>thing</Td>
        </tr>
      </TableBody>
    </>
  );
}

describe('Table', () => {
  it('boxes a table named by its caption, with column headers', () => {
    const html = renderToStaticMarkup(<Table caption="All things">{rows()}</Table>);
    expect(html).toMatch(
      /^<div class="[^"]*border[^"]*"><table[^>]*><caption class="sr-only">All things<\/caption>/,
    );
    expect(html).toContain('<th scope="col"');
  });

  it('leaves a plain table unboxed, named by its aria-label', () => {
    const html = renderToStaticMarkup(
      <Table variant="plain" aria-label="Users">
        {rows()}
      </Table>,
    );
    expect(html).toMatch(/^<table [^>]*aria-label="Users">/);
    expect(html).not.toContain('<caption');
    expect(html).toContain('<th scope="col"');
  });
});
