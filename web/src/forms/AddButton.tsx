import { TranslatableString, type IconButtonProps } from '@rjsf/utils';

/** rjsf's "add item" button with its text visible (the stock one is a bare icon). */
export function AddButton({ registry, className, onClick, disabled, id }: IconButtonProps) {
  return (
    <button type="button" id={id} className={`button button--secondary ${className ?? ''}`} onClick={onClick} disabled={disabled}>
      + {registry.translateString(TranslatableString.AddItemButton)}
    </button>
  );
}
