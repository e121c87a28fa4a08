import { TextField } from "@/components/ui/text-field";

/** The sign-in and first-admin e-mail field: the browser's password manager knows it as the user name. */
export function EmailField({ label, defaultValue, error }: { label: string; defaultValue?: string; error?: string }) {
  return (
    <TextField
      id="email"
      name="email"
      type="email"
      autoComplete="username"
      required
      label={label}
      defaultValue={defaultValue}
      error={error}
    />
  );
}
