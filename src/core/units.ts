/** Unit conversions done once at the boundary (DESIGN §4). */
import { ZERO_CELSIUS_K } from './constants.js';

export const celsiusToKelvin = (c: number): number => c + ZERO_CELSIUS_K;
export const kelvinToCelsius = (k: number): number => k - ZERO_CELSIUS_K;

/** Area of a disc in cm² from its diameter in cm. */
export const discAreaCm2 = (diameterCm: number): number => (Math.PI * diameterCm * diameterCm) / 4;
