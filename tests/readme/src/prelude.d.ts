// What README blocks take as given, so that each stays a few lines: a cassette
// already read, one of its interactions, a recorded stream body as text or
// bytes, a fetch response, request parameters already built.
declare const cassette: import("@tapedeck/cassette").Cassette;
declare const interaction: import("@tapedeck/cassette").Interaction;
declare const body: string;
declare const bytes: Uint8Array;
declare const response: Response;
declare const url: string;
declare const params: import("openai").OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
