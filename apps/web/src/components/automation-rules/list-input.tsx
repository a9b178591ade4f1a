import { useState } from 'react';
import { formatList, parseList } from '../admin/list-field';

/** A comma-separated list typed in one box: keeps what is typed (a trailing comma too) and reports the items. */
export function ListInput({
  values,
  onChange,
  placeholder,
  testId,
}: {
  values: readonly string[];
  onChange(values: string[]): void;
  placeholder: string;
  testId?: string;
}) {
  const [text, setText] = useState(formatList(values));
  return (
    <input
      value={text}
      placeholder={placeholder}
      title={placeholder}
      data-testid={testId}
      data-user-content
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseList(e.target.value));
      }}
    />
  );
}
