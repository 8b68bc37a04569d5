/** Types for the untyped `fft.js` package (radix-4 complex FFT; sizes are powers of two ≥ 2). */
declare module 'fft.js' {
  export default class FFT {
    constructor(size: number);
    readonly size: number;
    createComplexArray(): number[];
    /** Forward transform of interleaved complex `data` into `out`. */
    transform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
    /** Forward transform of real `data`; fills only the left half of `out` (see completeSpectrum). */
    realTransform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
    completeSpectrum(out: ArrayLike<number> & { [i: number]: number }): void;
    inverseTransform(out: ArrayLike<number> & { [i: number]: number }, data: ArrayLike<number>): void;
  }
}
