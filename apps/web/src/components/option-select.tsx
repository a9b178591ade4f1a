/** A labelled select of named things (teams, officers, departments…); the empty choice shows `placeholder`. */
export function OptionSelect({
  label,
  value,
  options,
  onChange,
  placeholder,
  optional = false,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange(value: string | undefined): void;
  placeholder: string;
  optional?: boolean;
}) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="" disabled={!optional}>
          {placeholder}
        </option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
