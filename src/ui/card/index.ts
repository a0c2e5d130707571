export { CardBlock } from './CardBlock';
export type { Props as CardBlockProps } from './CardBlock';
export { CARD_CSS } from './card.css';
