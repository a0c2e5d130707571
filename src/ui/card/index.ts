export { CardBlock } from './CardBlock';
export type { Props as CardBlockProps } from './CardBlock';
export { leadSnooze } from './leadSnooze';
export { CARD_CSS } from './card.css';
