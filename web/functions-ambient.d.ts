// The typed API client pulls the server's modules into this program for their types; their
// ambient module declarations are not imported by anything, so they are referenced here.
/// <reference path="../functions/src/reports/pdf/fontkit.d.ts" />
