/** The `human-names` lists (no types of their own): given names by language, as written. */
declare module 'human-names' {
  const names: Record<`${'female' | 'male'}${'En' | 'It' | 'Fr' | 'De' | 'Es' | 'Nl'}`, readonly string[]>;
  export default names;
}
