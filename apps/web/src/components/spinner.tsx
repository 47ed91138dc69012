// A small animated ring for pending states; decorative, so hidden from assistive tech.
const SIZES = { sm: 'h-4 w-4 border-2', md: 'h-6 w-6 border-2', lg: 'h-10 w-10 border-[3px]' };

export const Spinner = ({ size = 'md' }: { size?: keyof typeof SIZES }) => (
  <span
    aria-hidden="true"
    className={`inline-block animate-spin rounded-full border-current border-r-transparent ${SIZES[size]}`}
  />
);
