import { base } from '@tessera/config/eslint';

export default base;
