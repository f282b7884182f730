// The one way code asks the time: passed in, so tests and the bench can set it.
export type Clock = () => Date;
